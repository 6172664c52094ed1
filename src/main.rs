//! Entry point: parse, run, exit with the code the command chose (or run the sandbox supervisor).

fn main() -> std::process::ExitCode {
    if let Some(code) = tartarus::executor::supervisor::main_if_requested() {
        return std::process::ExitCode::from(code);
    }
    std::process::ExitCode::from(tartarus::cli::main())
}
