/// Queries on the parts of a statement's figures (`figures.stance`, `figures.by`…). Each part alone
/// is a list field, one value per figure; named together they are read figure by figure, so that
/// "58 soldiers claimed by the Taliban, 23 deaths acknowledged by Pakistan" is never counted or
/// found as the Taliban acknowledging.
extension Field {
    var isFigurePart: Bool { if case .figure = self { true } else { false } }
}

extension Corpus {
    /// The rows with one figure that meets every condition (each on a part of the figures).
    func figureFilter(_ conditions: [Condition]) -> RowFilter {
        let tests: [(part: Field.FigurePart, accepts: @Sendable (FieldValue) -> Bool)] = conditions.compactMap { condition in
            switch condition {
            case .anyOf(.figure(let part), let given):
                // A whole number also stands for its digits, as in other conditions.
                let wanted = Set(given + given.compactMap(\.digits))
                return (part, { wanted.contains($0) })
            case .range(.figure(let part), let from, let to):
                return (part, { value in (from.map { $0 <= value } ?? true) && (to.map { value <= $0 } ?? true) })
            default:
                return nil
            }
        }
        return .test { [self] row in
            statements.figures(row: row).contains { figure in
                tests.allSatisfy { test in figure.value(of: test.part).map(test.accepts) ?? false }
            }
        }
    }
}

extension Selection {
    /// Counts by `fields`, one or more of them parts of the figures: those are taken from one
    /// figure at a time (a figure without one of them is not counted), the others as `counts(by:)`
    /// takes them.
    func countsPairingFigures(_ fields: [Field]) -> Counts {
        let paired = fields.indices.filter { fields[$0].isFigurePart }
        let parts = paired.map { i -> Field.FigurePart in if case .figure(let part) = fields[i] { part } else { preconditionFailure() } }
        var tallies: [[FieldValue]: Int] = [:]
        forEachRow { row in
            let perFigure = Set(corpus.statements.figures(row: row).compactMap { figure -> [FieldValue]? in
                let values = parts.compactMap { figure.value(of: $0) }
                return values.count == parts.count ? values : nil
            })
            if perFigure.isEmpty { return }
            var combinations: [[FieldValue?]] = [Array(repeating: nil, count: fields.count)]
            for (i, field) in fields.enumerated() where !fields[i].isFigurePart {
                let values = Set(corpus.values(of: field, row: row))
                combinations = combinations.flatMap { c in values.map { var c = c; c[i] = $0; return c } }
            }
            combinations = combinations.flatMap { c in
                perFigure.map { figure in
                    var c = c
                    for (k, i) in paired.enumerated() { c[i] = figure[k] }
                    return c
                }
            }
            for key in combinations { tallies[key.map { $0! }, default: 0] += 1 }
        }
        return Counts(keys: fields.map(\.description), tallies: tallies)
    }
}
