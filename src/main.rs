use std::process::ExitCode;

fn main() -> ExitCode {
    cites_trainer::cli::main()
}
