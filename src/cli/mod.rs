//! The command line front end: terminal and output-format types live here only.

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or directories (searched recursively for `.claims` files).
    #[arg(default_value = ".")]
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run_check(_args: CheckArgs) -> ExitCode {
    ExitCode::from(2)
}
