//! Entry point: parse the command line, run it, print a failure once with its causes, exit with its code.

use std::io::Write;

fn main() -> std::process::ExitCode {
    // The same binary is the sandbox supervisor of each agent (a hidden mode, before any parsing).
    if let Some(code) = tartarus::executor::supervisor::main_if_requested() {
        return std::process::ExitCode::from(code);
    }
    // TLS needs a rustls crypto provider before the first connection (rustls panics without one).
    tartarus::connection::install_crypto_provider();
    let cli = tartarus::cli::parse_command_line();
    let code = match tartarus::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            for line in tartarus::cli::error_lines(&err) {
                let _ = writeln!(stderr, "{line}");
            }
            tartarus::exit::code_for(&err)
        }
    };
    std::process::ExitCode::from(code)
}
