/// The steps that made a collection or a counts table (`where{kind = "direct"}` → `count_by("speaker")`),
/// kept for reports' provenance and bounded in size: a script that calls a method in a loop, or
/// unites a collection with itself again and again (each union names the other's steps), would
/// otherwise make the description grow without end, doubling at each union.
enum FilterTrail {
    /// The longest a step is kept; past it, the step ends in "…".
    static let longestStep = 240
    /// The most steps kept: the first few and the latest, with a mark of those left out between.
    static let mostSteps = 40
    static let keptFirst = 10
    static let leftOut = "…"

    static func adding(_ step: String, to steps: [String]) -> [String] {
        let shortened = step.count > longestStep ? String(step.prefix(longestStep - 1)) + "…" : step
        var steps = steps + [shortened]
        if steps.count > mostSteps {
            // Keep the first steps and the latest; one mark stands for every step left out.
            let latest = steps.suffix(mostSteps - keptFirst - 1)
            steps = Array(steps.prefix(keptFirst)) + [leftOut] + latest
        }
        return steps
    }
}
