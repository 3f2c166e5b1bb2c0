use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = relais::cli::Cli::parse();
    relais::cli::run(cli)
}
