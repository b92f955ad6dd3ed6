//! `siap-jepang`: the whole application in one binary. See `server::cli`.

fn main() -> std::process::ExitCode {
    siap_jepang::server::cli::main()
}
