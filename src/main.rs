//! Entry point: parse, run, exit with the code the command chose.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(tartarus::cli::main())
}
