import CorpusScan

/// The documents of a corpus stored column-wise, as statements are: a hundred thousand documents
/// as `Document` values cost a struct and a few strings each; here they cost their bytes. The
/// `Document` values are made when a script first asks for documents.
struct DocumentColumns: Sendable {
    var ids = TextColumn()
    var titles = OptionalTextColumn()
    var sources = InternedColumn()
    var urls = OptionalTextColumn()
    /// The dates as written, interned; `publishedValues[code]` parsed.
    var published = InternedColumn()
    var publishedValues: [CorpusDate] = []
    var authors = ListColumn()
    var languages = InternedColumn()
    var places = InternedColumn()
    var texts = OptionalTextColumn()
    /// Only the documents that have fields the format does not define.
    var extras: [Int: [JSONMember]] = [:]

    var count: Int { ids.count }

    mutating func append(_ d: Document) {
        if !d.extra.isEmpty { extras[count] = d.extra }
        ids.append(d.id)
        titles.append(d.title)
        sources.append(d.source)
        urls.append(d.url)
        published.append(d.published?.text)
        if let date = d.published, publishedValues.count < published.values.count { publishedValues.append(date) }
        authors.append(d.authors)
        languages.append(d.language)
        places.append(d.place)
        texts.append(d.text)
    }

    /// Appends a document `ps_scan_document` found in `b`; false (and nothing appended) if its
    /// date is not a valid date or an extra field not valid JSON, which the full reader then reports.
    mutating func append(_ d: ScannedDocument, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = { (range: Range<Int>) in d.bytes(range, in: b) }
        var extra: [JSONMember] = []
        if d.hasExtras {
            guard let members = d.extras(in: b) else { return false }
            extra = members
        }
        var dateCode = InternedColumn.missing
        if let range = d[Int32(PD_PUBLISHED)] {
            if let code = published.existingCode(forUTF8: bytes(range)) {
                dateCode = code
            } else {
                guard let date = CorpusDate(String(decoding: bytes(range), as: UTF8.self)) else { return false }
                dateCode = published.code(forUTF8: bytes(range))
                publishedValues.append(date)
            }
        }
        func intern(_ column: inout InternedColumn, _ field: Int32) {
            if let range = d[field] { column.append(utf8: bytes(range)) } else { column.appendCode(InternedColumn.missing) }
        }
        if !extra.isEmpty { extras[count] = extra }
        ids.append(utf8: bytes(d[Int32(PD_ID)]!))
        titles.append(utf8: d[Int32(PD_TITLE)].map(bytes))
        intern(&sources, Int32(PD_SOURCE))
        urls.append(utf8: d[Int32(PD_URL)].map(bytes))
        published.appendCode(dateCode)
        authors.append(utf8: d.authorRanges, bytes)
        intern(&languages, Int32(PD_LANGUAGE))
        intern(&places, Int32(PD_PLACE))
        texts.append(utf8: d[Int32(PD_TEXT)].map(bytes))
        return true
    }

    /// Takes in `other`'s documents (a later part of a parallel load), column by column.
    mutating func absorb(_ other: DocumentColumns) {
        let base = count
        for (i, members) in other.extras { extras[base + i] = members }
        ids.append(contentsOf: other.ids)
        titles.append(contentsOf: other.titles)
        sources.append(contentsOf: other.sources)
        urls.append(contentsOf: other.urls)
        let remap = published.append(contentsOf: other.published)
        for (i, code) in remap.enumerated() where Int(code) == publishedValues.count { publishedValues.append(other.publishedValues[i]) }
        authors.append(contentsOf: other.authors)
        languages.append(contentsOf: other.languages)
        places.append(contentsOf: other.places)
        texts.append(contentsOf: other.texts)
    }

    subscript(i: Int) -> Document {
        var d = Document(id: ids[i])
        d.title = titles[i]
        d.source = sources[i]
        d.url = urls[i]
        let code = published.codes[i]
        d.published = code < 0 ? nil : publishedValues[Int(code)]
        d.authors = authors[i]
        d.language = languages[i]
        d.place = places[i]
        d.text = texts[i]
        d.extra = extras[i] ?? []
        return d
    }
}

/// A text column whose rows may have no value.
struct OptionalTextColumn: Sendable {
    var text = TextColumn()
    /// Whether each row has a value (one repeated `true` takes no memory).
    var present = ColumnArray<Bool>()

    mutating func append(_ value: String?) {
        text.append(value ?? "")
        present.append(value != nil)
    }

    mutating func append(utf8 value: UnsafeBufferPointer<UInt8>?) {
        text.append(utf8: value ?? UnsafeBufferPointer(start: nil, count: 0))
        present.append(value != nil)
    }

    subscript(i: Int) -> String? { present[i] ? text[i] : nil }

    mutating func append(contentsOf other: OptionalTextColumn) {
        text.append(contentsOf: other.text)
        present.append(contentsOf: other.present)
    }
}
