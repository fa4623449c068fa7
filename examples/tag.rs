//! Tags places and armed actors in an Arabic text with the built-in gazetteer and prints one
//! JSON object per match (JSON Lines): start, end (byte offsets into the input), text, id,
//! kind, type, name_en, lat, lon, parent, alias.
//!
//! Usage: `cargo run --release --example tag -- [--gazetteer FILE]... [FILE]...`
//!
//! Reads each FILE, or standard input when there is none. With several files, each object
//! starts with `"file"`, the name of the file it was found in. `--gazetteer FILE` adds a TSV
//! file of your own (entities, aliases or stop phrases) to the built-in data. An unreadable
//! file or invalid UTF-8 is reported on standard error, naming the file; the other files are
//! still tagged, and the exit status is non-zero.

mod common;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use dalil::{Gazetteer, GazetteerBuilder};

fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_opt_f64(out: &mut String, v: Option<f64>) {
    match v {
        Some(v) => out.push_str(&format!("{v}")),
        None => out.push_str("null"),
    }
}

fn run() -> Result<(), String> {
    let mut extra = Vec::new();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--gazetteer" => extra.push(
                args.next()
                    .ok_or("--gazetteer needs a file name".to_string())?,
            ),
            "-h" | "--help" => {
                println!("usage: tag [--gazetteer FILE]... [FILE]...");
                return Ok(());
            }
            _ if a.starts_with('-') && a != "-" => {
                return Err(format!("unknown option {a:?} (try --help)"))
            }
            _ => inputs.push(a),
        }
    }
    let custom;
    let g: &Gazetteer = if extra.is_empty() {
        Gazetteer::builtin()
    } else {
        let mut b = GazetteerBuilder::new();
        b.with_builtin();
        for f in &extra {
            b.add_file(f).map_err(|e| e.to_string())?;
        }
        custom = b.build().map_err(|e| e.to_string())?;
        &custom
    };
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    if inputs.len() <= 1 {
        return tag_input(g, inputs.first().map(String::as_str), false, &mut w);
    }
    // Several files: an error in one is reported, and the others are still tagged.
    let mut failed = 0;
    for path in &inputs {
        if let Err(e) = tag_input(g, Some(path), true, &mut w) {
            w.flush().map_err(common::stdout_error)?;
            eprintln!("tag: {e}");
            failed += 1;
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(format!("{n} of {} files could not be tagged", inputs.len())),
    }
}

/// Tags one input (a file, or standard input for `None`) and writes its matches to `w`,
/// each with the file's name first when `with_file`.
fn tag_input(
    g: &Gazetteer,
    path: Option<&str>,
    with_file: bool,
    w: &mut impl Write,
) -> Result<(), String> {
    let (name, bytes) = common::read_input(path)?;
    let text = dalil::decode_utf8(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let mut line = String::new();
    for m in g.tag(text) {
        let e = m.entity();
        line.clear();
        line.push('{');
        if with_file {
            line.push_str("\"file\":");
            json_str(&mut line, &name);
            line.push(',');
        }
        line.push_str(&format!(
            "\"start\":{},\"end\":{},\"text\":",
            m.start(),
            m.end()
        ));
        json_str(&mut line, &text[m.span()]);
        line.push_str(",\"id\":");
        json_str(&mut line, e.id());
        line.push_str(",\"kind\":");
        json_str(&mut line, e.kind().as_str());
        line.push_str(",\"type\":");
        json_str(&mut line, e.entity_type());
        line.push_str(",\"name_en\":");
        json_str(&mut line, e.name_en());
        line.push_str(",\"lat\":");
        json_opt_f64(&mut line, e.coords().map(|c| c.0));
        line.push_str(",\"lon\":");
        json_opt_f64(&mut line, e.coords().map(|c| c.1));
        line.push_str(",\"parent\":");
        match e.parent() {
            Some(p) => json_str(&mut line, p),
            None => line.push_str("null"),
        }
        line.push_str(",\"alias\":");
        json_str(&mut line, m.alias());
        line.push_str("}\n");
        w.write_all(line.as_bytes()).map_err(common::stdout_error)?;
    }
    w.flush().map_err(common::stdout_error)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tag: {e}");
            ExitCode::FAILURE
        }
    }
}
