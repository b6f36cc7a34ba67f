fn main() {
    std::process::exit(tanaqud::cli::run());
}
