/// An error that knows the one plain sentence a user should read, and the exit
/// code the command line ends with. The CLI and the board only display it.
public protocol UserFacingError: Error, CustomStringConvertible {
    var sentence: String { get }
    var exitCode: Int32 { get }
}

extension UserFacingError {
    public var description: String { sentence }
    public var exitCode: Int32 { 1 }
}
