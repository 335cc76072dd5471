import Foundation

/// One of the sample's open jobs, with the people who run it and what they tend
/// to write about its candidates.
struct SampleOpening {
    let id: JobID
    let title: String
    let recruiter: MemberID
    let hiringManager: MemberID
    let exercise: (id: StageID, name: String)?
    let notes: [String]
    let tags: [String]
    let tasks: [String]

    static let ios: JobID = "ios"
    static let technician: JobID = "technician"
    static let designer: JobID = "designer"

    static let all = [
        SampleOpening(
            id: ios, title: "Senior iOS Engineer", recruiter: SampleWorkspace.ben, hiringManager: SampleWorkspace.dev,
            exercise: SampleWorkspace.takeHome,
            notes: [
                "Six years of Swift; led the SwiftUI migration of a banking app with two million users.",
                "Strong answers on actors and Sendable, a little light on accessibility.",
                "Side project has 4.7 stars on the App Store and a clean, well-tested codebase.",
                "Asked whether we allow remote work from Lisbon two days a week.",
                "Solid UIKit background, now moving a large codebase to strict concurrency.",
                "Notice period is three months; could start in early autumn.",
                "Built the offline sync layer of a field-service app. Very relevant for our fleet tools.",
                "Great pairing session: talked through trade-offs clearly and wrote tests first.",
                "Salary expectation slightly above our band; worth settling before any offer.",
                "Knows Core Bluetooth well, which would help with the robot pairing flow.",
            ],
            tags: ["swift", "senior", "remote", "bluetooth"],
            tasks: ["Check notice period and start date", "Book a room for the pairing session"]),
        SampleOpening(
            id: technician, title: "Robotics Technician", recruiter: SampleWorkspace.ben,
            hiringManager: SampleWorkspace.emma, exercise: nil,
            notes: [
                "Certified for FANUC maintenance; happy to work the late shift.",
                "Eight years servicing pick-and-place lines at a packaging plant.",
                "Good troubleshooting story about an intermittent servo drive fault.",
                "Forklift licence expired last year; we can renew it during onboarding.",
                "Lives twenty minutes from the Leeds site and is available next month.",
                "Reads PLC ladder logic comfortably, less experience with ROS.",
                "Former army vehicle mechanic, very methodical in the practical test.",
                "Asked about overtime rules and the on-call rota for weekends.",
                "Trained two apprentices in the current job; could help with our onboarding.",
                "Prefers day shifts because of childcare; check the shift plan before an offer.",
            ],
            tags: ["night-shift", "plc", "forklift", "relocation"],
            tasks: ["Verify safety certificates", "Arrange a visit to the Leeds site"]),
        SampleOpening(
            id: designer, title: "Product Designer", recruiter: SampleWorkspace.chloe,
            hiringManager: SampleWorkspace.dev, exercise: (id: "design-exercise", name: "Design exercise"),
            notes: [
                "Portfolio shows strong systems thinking; the fleet dashboard case study is great.",
                "Mostly consumer mobile work so far, curious about industrial tools.",
                "Built and maintained a Figma component library used by forty designers.",
                "Ran research sessions with warehouse staff in the last role. Exactly our users.",
                "Would relocate from Porto; salary expectations are within range.",
                "Clear presenter, but the case studies skip over the trade-offs made.",
                "Strong interaction design; visual polish a little behind the senior bar.",
                "Has designed touchscreens for noisy places and gloved hands before.",
                "Asked thoughtful questions about how designers and robotics engineers pair.",
                "Available for a portfolio walkthrough on Tuesday or Thursday afternoon.",
            ],
            tags: ["figma", "research", "relocation", "design-systems"],
            tasks: ["Ask for two more case studies", "Share the design system docs"]),
    ]

    static func named(_ id: JobID) -> SampleOpening { all.first { $0.id == id }! }
}

enum SampleSource: String {
    case linkedIn = "LinkedIn"
    case referral = "Referral"
    case careerPage = "Career page"
    case agency = "Agency"
}

/// A sample candidate as written down: where they stand now. `SampleStory` makes
/// up the history that led there.
struct SampleCandidate {
    enum Address {
        /// first.last at a reserved example domain, accents folded away.
        case fromName
        case given(String)
        case missing
    }

    let name: String
    let job: JobID
    let stage: StageID
    /// How long ago they entered their current stage.
    let hoursAgo: Int
    let source: SampleSource
    var address: Address = .fromName
    var doNotEmail = false
    var disqualified: (reason: ReasonID, hoursAgo: Int)? = nil
    /// A second job they are also considered for, in its first stage.
    var alsoIn: JobID? = nil

    var email: String? {
        switch address {
        case .given(let email): return email
        case .missing: return nil
        case .fromName: return Self.address(for: name)
        }
    }

    static func address(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let parts = folded.split(separator: " ").map { $0.filter { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        return parts.joined(separator: ".") + "@example.com"
    }

    /// More people early in the pipeline than late, as on a real board; the
    /// scheduled emails come from Mateo's check-in and Tomás's rejection.
    static let all: [SampleCandidate] = {
        let ios = SampleOpening.ios
        let technician = SampleOpening.technician
        let designer = SampleOpening.designer
        return [
            .init(name: "Zoë Müller", job: ios, stage: "applied", hoursAgo: 7, source: .linkedIn),
            .init(name: "Marcus Chen", job: ios, stage: "applied", hoursAgo: 20, source: .careerPage),
            .init(name: "Priya Raghunathan", job: ios, stage: "applied", hoursAgo: 31, source: .linkedIn),
            .init(
                name: "Tomás Herrera", job: ios, stage: "applied", hoursAgo: 52, source: .agency,
                disqualified: (SampleWorkspace.notAFit, 5)),
            .init(name: "Hannah Becker", job: ios, stage: "applied", hoursAgo: 75, source: .careerPage),
            .init(name: "Kwame Mensah", job: ios, stage: "applied", hoursAgo: 98, source: .referral, address: .missing),
            .init(name: "José Álvarez", job: ios, stage: "phone-screen", hoursAgo: 27, source: .linkedIn),
            .init(
                name: "Sofia Rossi", job: ios, stage: "phone-screen", hoursAgo: 50, source: .careerPage,
                alsoIn: designer),
            .init(name: "Liam O'Connor", job: ios, stage: "phone-screen", hoursAgo: 80, source: .referral),
            .init(name: "Yuki Tanaka", job: ios, stage: "phone-screen", hoursAgo: 120, source: .linkedIn),
            .init(name: "Amara Nwosu", job: ios, stage: "interview", hoursAgo: 28, source: .referral),
            .init(name: "Lukas Novák", job: ios, stage: "interview", hoursAgo: 70, source: .linkedIn),
            .init(name: "Isabelle Fournier", job: ios, stage: "interview", hoursAgo: 140, source: .agency),
            .init(name: "Mateo Silva", job: ios, stage: "take-home", hoursAgo: 26, source: .careerPage),
            .init(name: "Ingrid Johansson", job: ios, stage: "take-home", hoursAgo: 150, source: .linkedIn),
            .init(name: "Rahul Mehta", job: ios, stage: "reference-check", hoursAgo: 100, source: .referral),
            .init(name: "Elena Petrova", job: ios, stage: "offer", hoursAgo: 60, source: .linkedIn),
            .init(name: "Noah Williams", job: ios, stage: "hired", hoursAgo: 400, source: .referral),

            .init(name: "Björn Eriksson", job: technician, stage: "applied", hoursAgo: 5, source: .careerPage),
            .init(
                name: "ليلى حداد", job: technician, stage: "applied", hoursAgo: 18, source: .linkedIn,
                address: .given("layla.haddad@example.com")),
            .init(
                name: "Diego Ramírez", job: technician, stage: "applied", hoursAgo: 40, source: .agency,
                address: .missing),
            .init(name: "Grace Kim", job: technician, stage: "applied", hoursAgo: 66, source: .careerPage),
            .init(name: "Ahmed Hassan", job: technician, stage: "applied", hoursAgo: 90, source: .referral),
            .init(name: "Olivia Brown", job: technician, stage: "applied", hoursAgo: 130, source: .careerPage),
            .init(name: "Jan Kowalski", job: technician, stage: "phone-screen", hoursAgo: 30, source: .linkedIn),
            .init(name: "Léa Moreau", job: technician, stage: "phone-screen", hoursAgo: 55, source: .careerPage),
            .init(
                name: "Samuel Adeyemi", job: technician, stage: "phone-screen", hoursAgo: 75, source: .referral,
                doNotEmail: true),
            .init(
                name: "Mei Lin", job: technician, stage: "phone-screen", hoursAgo: 110, source: .linkedIn,
                disqualified: (SampleWorkspace.withdrew, 30)),
            .init(name: "Ravi Shankar", job: technician, stage: "interview", hoursAgo: 45, source: .linkedIn),
            .init(name: "Anja Kovačević", job: technician, stage: "interview", hoursAgo: 95, source: .agency),
            .init(
                name: "Peter Schmidt", job: technician, stage: "interview", hoursAgo: 160, source: .referral,
                alsoIn: ios),
            .init(name: "Carmen Ortiz", job: technician, stage: "reference-check", hoursAgo: 120, source: .careerPage),
            .init(name: "Daniel Cohen", job: technician, stage: "offer", hoursAgo: 80, source: .referral),
            .init(name: "Aiko Sato", job: technician, stage: "hired", hoursAgo: 330, source: .linkedIn),

            .init(name: "Nora Halvorsen", job: designer, stage: "applied", hoursAgo: 9, source: .careerPage),
            .init(name: "Gabriel Dupont", job: designer, stage: "applied", hoursAgo: 26, source: .linkedIn),
            .init(
                name: "王芳", job: designer, stage: "applied", hoursAgo: 45, source: .referral,
                address: .given("wang.fang@example.com")),
            .init(name: "Maya Goldberg", job: designer, stage: "applied", hoursAgo: 70, source: .careerPage),
            .init(name: "Arjun Nair", job: designer, stage: "applied", hoursAgo: 115, source: .linkedIn),
            .init(name: "Lucía Fernández", job: designer, stage: "phone-screen", hoursAgo: 35, source: .linkedIn),
            .init(name: "Oskar Wiśniewski", job: designer, stage: "phone-screen", hoursAgo: 60, source: .careerPage),
            .init(name: "Emily Clarke", job: designer, stage: "phone-screen", hoursAgo: 100, source: .agency),
            .init(name: "Thandiwe Dlamini", job: designer, stage: "interview", hoursAgo: 40, source: .referral),
            .init(name: "Julien Lefèvre", job: designer, stage: "interview", hoursAgo: 85, source: .linkedIn),
            .init(name: "Sara Ahmadi", job: designer, stage: "interview", hoursAgo: 130, source: .careerPage),
            .init(name: "Henrik Nygård", job: designer, stage: "design-exercise", hoursAgo: 140, source: .linkedIn),
            .init(name: "Valentina Greco", job: designer, stage: "reference-check", hoursAgo: 90, source: .referral),
            .init(name: "Kenji Watanabe", job: designer, stage: "offer", hoursAgo: 50, source: .agency),
        ]
    }()

    /// People kept from earlier hiring rounds: in the talent pool, in no job.
    static let pooledOnly: [(name: String, source: SampleSource, daysAgo: Int, note: String)] = [
        (
            "Freya Andersen", .linkedIn, 45,
            "Robotics PhD; turned us down last year for a research post. Reach out in spring."
        ),
        (
            "Omar Farouk", .referral, 70,
            "Excellent field engineer who wants to move into controls. Ask about the next opening."
        ),
    ]
}
