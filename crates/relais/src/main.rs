use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than the system allocator: a search page allocates a few hundred small strings,
/// and glibc's allocator took about a sixth of the CPU of `relais bench search` (with more memory
/// kept per thread).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc v3's options (`mi_option_e` in its `mimalloc.h`; the crate exports no constants for
/// them): `arena_eager_commit`: 0 commits arena memory as it is used, so that memory handed back
/// leaves the resident set. With the default (2), the search bench's process held 110 MB instead
/// of 88 MB, for no gain in speed. It must be set before mimalloc reserves its first arena, hence
/// a constructor run by the loader before `main` (and before anything allocates).
const MI_OPTION_ARENA_EAGER_COMMIT: i32 = 4;
/// `purge_delay`: memory freed is handed back to the system at once rather than after a second.
const MI_OPTION_PURGE_DELAY: i32 = 15;

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array.00000")]
static TUNE_ALLOCATOR: extern "C" fn() = tune_allocator;

extern "C" fn tune_allocator() {
    // SAFETY: a plain setter of one of mimalloc's global options, run by the loader before
    // `main`, when no other thread exists (the setter is documented as not thread-safe).
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
}

fn main() -> ExitCode {
    let cli = relais::cli::Cli::parse();
    relais::cli::run(cli)
}
