//! How the command-line tool and the benches use mimalloc (their global allocator; see
//! `src/bin/sourcelight/main.rs`). Native only.

/// Keeps freed memory in the process instead of handing it back to the OS a second later
/// (mimalloc's default `purge_delay`). A batch (`scan --jsonl`, many files, `report`) frees each
/// article's Report and builds the next in the same pages; handed back, every page would be
/// faulted in and zeroed again. Analysing a 10 MB text six times in a row took 5,500 page faults
/// and 0.32 s of system time this way, against 200 and 0.01 s with the memory kept (`perf stat`).
/// The memory goes back to the OS when the process exits.
pub fn keep_freed_memory() {
    // SAFETY: `mi_option_set` only stores an option's value (it takes no pointer) and may be
    // called at any time; the option is one mimalloc reads on every purge.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

/// `mi_option_purge_delay`, which libmimalloc-sys does not name: its place in `mi_option_e`
/// (`mimalloc.h`, the same in the v2 and v3 sources it builds). A test checks its default.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_is_kept() {
        // SAFETY: reads an option's value.
        let get = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        // mimalloc's default purge delay in milliseconds (no other test sets it): 1000 in the v3
        // sources libmimalloc-sys builds by default, 10 in its v2 ones; unless the environment sets it.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert!(matches!(get(), 1000 | 10), "option {PURGE_DELAY} is not mi_option_purge_delay in this mimalloc (it reads {})", get());
        }
        keep_freed_memory();
        assert_eq!(get(), -1);
    }
}
