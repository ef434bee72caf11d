/// Corpus files are UTF-8, but Windows tools still write UTF-16: Excel's "Unicode Text", Windows
/// PowerShell's `>` and `Out-File`, Notepad's "UTF-16". Such a file read as UTF-8 gives a problem
/// at every byte, none of them saying why.
enum TextEncoding {
    /// The text of a UTF-16 file that starts with its byte order mark, as UTF-8 (read in memory; the
    /// file is not changed). Nil for any other file. A file that looks like UTF-16 without a mark
    /// (a zero byte every other byte at its start) is an error that says what to do.
    static func utf16Text(_ buffer: UnsafeBufferPointer<UInt8>, path: String) throws(CorpusLoadError) -> String? {
        if buffer.count >= 2 && ((buffer[0], buffer[1]) == (0xFF, 0xFE) || (buffer[0], buffer[1]) == (0xFE, 0xFF)) {
            let little = buffer[0] == 0xFF
            let units = (buffer.count - 2) / 2
            var code = [UInt16]()
            code.reserveCapacity(units)
            for i in 0..<units {
                let (a, b) = (UInt16(buffer[2 + 2 * i]), UInt16(buffer[3 + 2 * i]))
                code.append(little ? a | b << 8 : a << 8 | b)
            }
            return String(decoding: code, as: UTF16.self)
        }
        let start = buffer.prefix(64)
        if start.count >= 8 && start.indices.filter({ $0 % 2 == 1 }).allSatisfy({ start[$0] == 0 }) {
            throw CorpusLoadError(file: path, message: "this file looks like UTF-16 text without a byte order mark; Parley reads UTF-8: save it as UTF-8 (\"CSV UTF-8\" in Excel), or convert it with iconv -f UTF-16LE -t UTF-8")
        }
        return nil
    }
}
