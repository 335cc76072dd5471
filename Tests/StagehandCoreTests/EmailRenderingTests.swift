import Testing
@testable import StagehandCore

@Suite struct EmailRenderingTests {
    static let context = EmailContext(
        candidateName: "Ana López", candidateFirstName: "Ana", jobTitle: "Backend Engineer",
        stageName: "Phone screen", senderName: "Sam Rivera", companyName: "Acme")

    /// Found by `stagehand-bench fuzz-text`: thousands of nested sections overflowed
    /// swift-mustache's recursive parser and killed the process.
    @Test func deeplyNestedSectionsAreRefusedInsteadOfCrashing() throws {
        let nested = String(repeating: "{{#job.title}}", count: 20_000) + "x" + String(repeating: "{{/job.title}}", count: 20_000)
        #expect(throws: MailError.templateSyntax(field: "template", detail: "sections are nested more than 20 deep")) {
            try EmailRendering.render(nested, with: Self.context)
        }
        #expect(throws: MailError.self) { try EmailRendering.validate(subject: "Hi", body: nested) }
        let twenty = String(repeating: "{{#job.title}}", count: 20) + "x" + String(repeating: "{{/job.title}}", count: 20)
        #expect(try EmailRendering.render(twenty, with: Self.context) == "x")
    }

    @Test func allowsExactlyTheDocumentedPlaceholders() {
        #expect(EmailPlaceholders.allowed == [
            "candidate.first_name", "candidate.name", "job.title", "stage.name", "sender.name", "company.name",
        ])
    }

    @Test(arguments: EmailPlaceholders.allowed)
    func acceptsEveryAllowedPlaceholderInEveryForm(name: String) throws {
        let body = "{{\(name)}} {{ \(name) }} {{{\(name)}}} {{&\(name)}} {{#\(name)}}yes{{/\(name)}}{{^\(name)}}no{{/\(name)}}"
        #expect(throws: Never.self) { try EmailRendering.validate(subject: "About {{\(name)}}", body: body + "{{! a comment }}") }
        let rendered = try EmailRendering.render(body + "{{! a comment }}", with: Self.context)
        #expect(!rendered.contains("{{") && rendered.hasSuffix("yes"), "every form is filled in: \(rendered)")
    }

    @Test(arguments: [
        ("Hi {{candidate.first_name}}", "Your phone: {{candidate.phone}}", "candidate.phone", "body"),
        ("{{ candidate.email }}", "", "candidate.email", "subject"),
        ("", "{{{candidate.phone}}}", "candidate.phone", "body"),
        ("", "{{&job.salary}}", "job.salary", "body"),
        ("", "{{#candidate.phone}}call me{{/candidate.phone}}", "candidate.phone", "body"),
        ("", "{{^job.salary}}unpaid{{/job.salary}}", "job.salary", "body"),
        ("", "{{candidate}}", "candidate", "body"),
        ("", "{{#candidate}}{{name}}{{/candidate}}", "candidate", "body"),
        ("", "{{.}}", ".", "body"),
        ("", "{{uppercased(candidate.name)}}", "uppercased(candidate.name)", "body"),
        ("", "{{#candidate.name}}{{^job.title}}{{recruiter.phone}}{{/job.title}}{{/candidate.name}}", "recruiter.phone", "body"),
        ("", "{{job.title}} then {{job.location}}", "job.location", "body"),
        ("", "{{> footer}}", "> footer", "body"),
        ("", "{{>*candidate.name}}", ">*candidate.name", "body"),
        ("", "{{$greeting}}Hi{{/greeting}}", "$greeting", "body"),
        ("", "{{%CONTENT_TYPE:HTML}}{{candidate.name}}", "%CONTENT_TYPE:HTML", "body"),
        ("", "{{=<% %>=}}<% candidate.phone %>", "=<% %>=", "body"),
    ])
    func refusesUnknownPlaceholdersByName(subject: String, body: String, name: String, field: String) {
        #expect(throws: MailError.unknownPlaceholder(name: name, field: field)) {
            try EmailRendering.validate(subject: subject, body: body)
        }
    }

    @Test(arguments: [
        "Hello {{candidate.name",
        "Hello {{",
        "{{#candidate.name}}never closed",
        "{{#candidate.name}}x{{/job.title}}",
        "{{{candidate.name}}",
        "{{! a comment that never ends",
        "{{candidate name}}",
    ])
    func refusesMustacheSyntaxErrors(body: String) throws {
        let error = #expect(throws: MailError.self) {
            try EmailRendering.validate(subject: "Hello", body: body)
        }
        guard case .templateSyntax(let field, let detail) = try #require(error) else {
            Issue.record("expected a syntax error, got \(String(describing: error))")
            return
        }
        #expect(field == "body")
        #expect(detail.hasPrefix("line 1, column "))
    }

    @Test func syntaxErrorsNameTheLineInTheUsersText() throws {
        let error = #expect(throws: MailError.self) {
            _ = try EmailRendering.render("Hello,\n\nSee you {{candidate.first_name", with: Self.context)
        }
        guard case .templateSyntax(_, let detail) = try #require(error) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(detail.hasPrefix("line 3, "))
    }

    @Test func sentencesSayWhatToDo() {
        let unknown = MailError.unknownPlaceholder(name: "candidate.phone", field: "body")
        #expect(unknown.sentence == "The email body uses the unknown placeholder {{candidate.phone}}: use one of "
            + "{{candidate.first_name}}, {{candidate.name}}, {{job.title}}, {{stage.name}}, {{sender.name}} or {{company.name}}.")
        #expect(MailError.templateSyntax(field: "subject", detail: "line 1, column 4: a section is never closed").sentence
            .hasPrefix("The email subject has a mistake in its placeholders (line 1, column 4: a section is never closed): "))
    }

    @Test func rendersEveryPlaceholder() throws {
        let text = "{{candidate.first_name}}|{{candidate.name}}|{{job.title}}|{{stage.name}}|{{sender.name}}|{{company.name}}"
        #expect(try EmailRendering.render(text, with: Self.context)
            == "Ana|Ana López|Backend Engineer|Phone screen|Sam Rivera|Acme")
    }

    @Test(arguments: ["{{candidate.name}}", "{{{candidate.name}}}", "{{&candidate.name}}"])
    func rendersWithoutHTMLEscaping(tag: String) throws {
        var context = Self.context
        context.candidateName = #"O'Brien & Co <x> "quoted""#
        #expect(try EmailRendering.render("Dear \(tag),", with: context) == #"Dear O'Brien & Co <x> "quoted","#)
    }

    @Test func valuesAreNeverReadAsTemplates() throws {
        var context = Self.context
        context.candidateName = "{{job.title}}"
        #expect(try EmailRendering.render("{{candidate.name}}", with: context) == "{{job.title}}")
    }

    @Test(arguments: ["", "\nHi", "  \nHi", "\r\nHi\r\n", "Hi\n\n", "{{! note }}\nHi"])
    func keepsTheTextAroundPlaceholdersExactly(text: String) throws {
        let expected = text.replacingOccurrences(of: "{{! note }}\n", with: "")
        #expect(try EmailRendering.render(text, with: Self.context) == expected)
    }

    @Test func sectionsTestWhetherAValueIsThere() throws {
        let text = "Hi {{#candidate.first_name}}{{candidate.first_name}}{{/candidate.first_name}}"
            + "{{^candidate.first_name}}there{{/candidate.first_name}},"
        #expect(try EmailRendering.render(text, with: Self.context) == "Hi Ana,")
        var nameless = Self.context
        nameless.candidateFirstName = ""
        #expect(try EmailRendering.render(text, with: nameless) == "Hi there,")
    }

    @Test func renderRefusesWhatValidateRefuses() {
        #expect(throws: MailError.unknownPlaceholder(name: "candidate.phone", field: "template")) {
            try EmailRendering.render("Call {{candidate.phone}}", with: Self.context)
        }
    }
}
