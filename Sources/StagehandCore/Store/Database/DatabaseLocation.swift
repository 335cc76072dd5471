import Foundation

/// A workspace in PostgreSQL: libpq's connection URI, and which workspace of the
/// database (several may share one, each under its own name).
public struct DatabaseLocation: Sendable, Equatable {
    /// The URI libpq connects with, without Stagehand's own `workspace` parameter.
    public let connectionURI: String
    public let workspace: String
    /// The URI as it may be shown in sentences and logs: never with a password.
    public let shown: String

    public static let defaultWorkspace = "default"

    /// The URI to hand another Stagehand process, workspace included.
    public var uri: String {
        guard workspace != Self.defaultWorkspace else { return connectionURI }
        return Self.uri(connectionURI, workspace: workspace)
    }

    /// Another workspace of the same database.
    public func otherWorkspace(_ name: String) -> DatabaseLocation? {
        DatabaseLocation(Self.uri(connectionURI, workspace: name))
    }

    private static func uri(_ connectionURI: String, workspace: String) -> String {
        connectionURI + (connectionURI.contains("?") ? "&" : "?") + "workspace=\(workspace)"
    }

    /// Nil for anything that is not a `postgresql://` or `postgres://` URI.
    public init?(_ text: String) {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://"), var components = URLComponents(string: text) else {
            return nil
        }
        let items = components.queryItems ?? []
        workspace = items.last { $0.name == "workspace" }?.value.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultWorkspace
        let kept = items.filter { $0.name != "workspace" }
        components.queryItems = kept.isEmpty ? nil : kept
        connectionURI = components.string ?? text
        var visible = components
        visible.password = nil
        let shownItems = kept.filter { $0.name != "password" }
        visible.queryItems = shownItems.isEmpty ? nil : shownItems
        let base = visible.string ?? "postgresql://"
        shown = workspace == Self.defaultWorkspace ? base : base + (shownItems.isEmpty ? "?" : "&") + "workspace=\(workspace)"
    }
}
