//! Stems every word of an Arabic text and writes the text back with each word replaced by
//! its stem (spaces and punctuation kept), or, with `--segment`, one line per word showing
//! its proclitics, stem and enclitic.
//!
//! Usage: `cargo run --release --example stem -- [--algorithm light10|snowball]
//! [--protect-names] [--segment] [FILE]`
//!
//! Words are normalized first (the Lucene profile for Light10, as Lucene does; the default
//! profile for Snowball). `--protect-names` protects every one-word name of the built-in
//! gazetteer (عفرين، حماة، درعا …) from stemming. Reads FILE, or standard input; invalid UTF-8
//! or an unreadable file is an error on standard error with a non-zero exit.

mod common;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use dalil::stem::{Algorithm, Stemmer};
use dalil::{Gazetteer, Normalizer, NormalizerConfig};

fn run() -> Result<(), String> {
    let mut algorithm = Algorithm::Light10;
    let mut protect = false;
    let mut segment = false;
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--algorithm" => match args.next().as_deref() {
                Some("light10") => algorithm = Algorithm::Light10,
                Some("snowball") => algorithm = Algorithm::Snowball,
                other => return Err(format!("unknown algorithm {other:?} (light10 or snowball)")),
            },
            "--protect-names" => protect = true,
            "--segment" => segment = true,
            "-h" | "--help" => {
                println!("usage: stem [--algorithm light10|snowball] [--protect-names] [--segment] [FILE]");
                return Ok(());
            }
            _ if input.is_none() => input = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let (name, bytes) = common::read_input(input.as_deref())?;
    let text = dalil::decode_utf8(&bytes).map_err(|e| format!("{name}: {e}"))?;
    let normalizer = Normalizer::new(match algorithm {
        Algorithm::Light10 => NormalizerConfig::lucene(),
        _ => NormalizerConfig::default(),
    });
    let mut stemmer = Stemmer::new(algorithm);
    if protect {
        for e in Gazetteer::builtin().entities() {
            for n in e.names_ar() {
                let n = normalizer.normalize_str(n);
                if !n.contains(' ') {
                    stemmer.protect(n.into_owned());
                }
            }
        }
    }
    let stdout = std::io::stdout();
    let mut w = BufWriter::new(stdout.lock());
    let mut pos = 0;
    for r in dalil::token::words(text) {
        let word = &text[r.clone()];
        if segment {
            let seg = stemmer.segment(word);
            let mut parts: Vec<String> = seg
                .proclitics()
                .iter()
                .map(|c| format!("{}+", &word[c.range()]))
                .collect();
            parts.push(word[seg.stem()].to_string());
            if let Some(c) = seg.enclitic() {
                parts.push(format!("+{}", &word[c.range()]));
            }
            writeln!(w, "{word}\t{}", parts.join(" ")).map_err(common::stdout_error)?;
        } else {
            let norm = normalizer.normalize_str(word);
            let stem = stemmer.stem(&norm);
            w.write_all(&text.as_bytes()[pos..r.start])
                .and_then(|_| w.write_all(stem.as_bytes()))
                .map_err(common::stdout_error)?;
        }
        pos = r.end;
    }
    if !segment {
        w.write_all(&text.as_bytes()[pos..])
            .map_err(common::stdout_error)?;
    }
    w.flush().map_err(common::stdout_error)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stem: {e}");
            ExitCode::FAILURE
        }
    }
}
