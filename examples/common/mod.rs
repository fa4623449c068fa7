//! What the command-line examples share.

/// The message for an error writing to standard output. A reader that stopped early
/// (`tag FILE | head`) ends the program quietly with success, as Unix tools do.
pub fn stdout_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("<stdout>: {e}")
}
