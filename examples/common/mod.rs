//! What the command-line examples share.

/// The message for an error writing to standard output. A reader that stopped early
/// (`tag FILE | head`) ends the program quietly with success, as Unix tools do.
pub fn stdout_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("<stdout>: {e}")
}

/// The bytes of `path`, or of standard input when there is none (or it is `-`), with the
/// name to report errors under.
pub fn read_input(path: Option<&str>) -> Result<(String, Vec<u8>), String> {
    use std::io::Read;
    match path.filter(|&p| p != "-") {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
            Ok((path.to_string(), bytes))
        }
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("<stdin>: {e}"))?;
            Ok(("<stdin>".to_string(), buf))
        }
    }
}
