//! What commands print on stdout (through [`crate::outln!`]).

use std::io::{ErrorKind, Write};

/// Write one line; a closed pipe ends the process with success (its reader has what it wanted),
/// any other failure to write ends it with an error message.
pub fn line(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush());
    if let Err(error) = written {
        if error.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let _ = writeln!(std::io::stderr(), "relais: cannot write the output: {error}");
        std::process::exit(1);
    }
}
