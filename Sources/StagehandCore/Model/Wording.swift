/// A number with its noun, in the singular for one: "1 email", "3 emails".
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}

/// A sentence made ready to be continued ("…; trying again at 10:00"): without the
/// full stop that would double the punctuation.
public func withoutFinalStop(_ sentence: String) -> String {
    var text = Substring(sentence)
    while let last = text.last, last == "." || last == " " { text = text.dropLast() }
    return String(text)
}

/// A sentence continued after a colon: its first letter small ("not sent yet: the
/// SMTP password…"), unless its first word is an acronym or a name in capitals.
public func continuing(_ sentence: String) -> String {
    guard let first = sentence.first, first.isUppercase else { return sentence }
    let second = sentence.dropFirst().first
    guard second.map({ $0.isLowercase || $0 == " " }) ?? false, first != "I" || second != " " else { return sentence }
    return first.lowercased() + sentence.dropFirst()
}

/// Names in a sentence: the first few of a long list, and how many more.
public func listed(_ names: [String], limit: Int = 12) -> String {
    guard names.count > limit else { return names.joined(separator: ", ") }
    return names.prefix(limit - 1).joined(separator: ", ") + " and \(names.count - limit + 1) more"
}
