/// An error that knows the one plain sentence a user should read. The board and
/// the command line only display it; how a command ends (its exit status) is the
/// command line's to decide.
public protocol UserFacingError: Error, CustomStringConvertible {
    var sentence: String { get }
}

extension UserFacingError {
    public var description: String { sentence }
}
