//! Normalizes an Arabic text and writes the result to standard output.
//!
//! Usage: `cargo run --release --example normalize -- [--profile default|lucene] [FILE]`
//!
//! Reads FILE, or standard input when there is none. Invalid UTF-8 or an unreadable file is
//! reported on standard error (with the byte offset of the first bad byte) and the exit code
//! is non-zero.

mod common;

use std::io::Write;
use std::process::ExitCode;

use dalil::{Normalizer, NormalizerConfig};

fn run() -> Result<(), String> {
    let mut config = NormalizerConfig::default();
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--profile" => match args.next().as_deref() {
                Some("default") => config = NormalizerConfig::default(),
                Some("lucene") => config = NormalizerConfig::lucene(),
                other => return Err(format!("unknown profile {other:?} (default or lucene)")),
            },
            "-h" | "--help" => {
                println!("usage: normalize [--profile default|lucene] [FILE]");
                return Ok(());
            }
            _ if input.is_none() => input = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let (name, bytes) = common::read_input(input.as_deref())?;
    let text = dalil::decode_utf8(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let out = Normalizer::new(config).normalize_str(text);
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(common::stdout_error)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("normalize: {e}");
            ExitCode::FAILURE
        }
    }
}
