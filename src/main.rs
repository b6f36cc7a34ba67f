fn main() -> std::process::ExitCode {
    tanaqud::cli::run()
}
