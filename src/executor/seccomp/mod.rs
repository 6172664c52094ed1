//! The sandbox seccomp filter, in the spirit of Docker's default profile: system calls that reach into the kernel's administration or out of the sandbox fail with `EPERM`.
//!
//! One program ([`sandbox_filter`]) answers:
//! - another architecture's calls: the process is killed;
//! - on x86-64, every x32-ABI number (bit 30 set, same architecture tag, under which `mount` or
//!   `unshare` would otherwise pass unrecognised): `ENOSYS`;
//! - `clone3`: `ENOSYS`, as Docker does, so C libraries fall back to `clone`, whose flags a filter
//!   can inspect (`clone3` passes them in memory, out of a filter's reach);
//! - [`denied_syscalls`], `clone` asking for a new namespace, and `personality` asking for
//!   anything but the harmless personas ([`ALLOWED_PERSONALITIES`]): `EPERM`;
//! - everything else: allowed.
//!
//! It is installed before exec (process runtime) or handed to bubblewrap (`--add-seccomp-fd`).
//! [`program`] compiles it as a binary search over the call numbers: the kernel runs the program
//! over every call number when it is installed (to cache which calls it always allows), once per
//! sandbox, so its length per call number is what each sandbox start pays. The tests check it
//! against the same rules compiled with `seccompiler`, call number by call number.

mod program;
#[cfg(test)]
mod tests;

pub use program::Program;

/// System calls denied with `EPERM`.
pub fn denied_syscalls() -> Vec<(&'static str, i64)> {
    let mut v = vec![
        ("mount", libc::SYS_mount),
        ("umount2", libc::SYS_umount2),
        ("pivot_root", libc::SYS_pivot_root),
        ("fsopen", libc::SYS_fsopen),
        ("fsconfig", libc::SYS_fsconfig),
        ("fsmount", libc::SYS_fsmount),
        ("fspick", libc::SYS_fspick),
        ("move_mount", libc::SYS_move_mount),
        ("open_tree", libc::SYS_open_tree),
        ("mount_setattr", libc::SYS_mount_setattr),
        ("ptrace", libc::SYS_ptrace),
        ("process_vm_readv", libc::SYS_process_vm_readv),
        ("process_vm_writev", libc::SYS_process_vm_writev),
        ("kcmp", libc::SYS_kcmp),
        ("bpf", libc::SYS_bpf),
        ("perf_event_open", libc::SYS_perf_event_open),
        ("userfaultfd", libc::SYS_userfaultfd),
        ("keyctl", libc::SYS_keyctl),
        ("add_key", libc::SYS_add_key),
        ("request_key", libc::SYS_request_key),
        ("unshare", libc::SYS_unshare),
        ("setns", libc::SYS_setns),
        ("init_module", libc::SYS_init_module),
        ("finit_module", libc::SYS_finit_module),
        ("delete_module", libc::SYS_delete_module),
        ("kexec_load", libc::SYS_kexec_load),
        ("kexec_file_load", libc::SYS_kexec_file_load),
        ("open_by_handle_at", libc::SYS_open_by_handle_at),
        ("name_to_handle_at", libc::SYS_name_to_handle_at),
        ("reboot", libc::SYS_reboot),
        ("swapon", libc::SYS_swapon),
        ("swapoff", libc::SYS_swapoff),
        ("acct", libc::SYS_acct),
        ("quotactl", libc::SYS_quotactl),
        ("syslog", libc::SYS_syslog),
        ("settimeofday", libc::SYS_settimeofday),
        ("clock_settime", libc::SYS_clock_settime),
        ("clock_adjtime", libc::SYS_clock_adjtime),
        ("adjtimex", libc::SYS_adjtimex),
        ("vhangup", libc::SYS_vhangup),
        // io_uring: a large, often-exploited kernel surface that also bypasses seccomp for the
        // operations it performs (Docker denies it too).
        ("io_uring_setup", libc::SYS_io_uring_setup),
        ("io_uring_enter", libc::SYS_io_uring_enter),
        ("io_uring_register", libc::SYS_io_uring_register),
        // Reach into another process like ptrace does (same-uid processes of a later run).
        ("pidfd_getfd", libc::SYS_pidfd_getfd),
        ("process_madvise", libc::SYS_process_madvise),
    ];
    #[cfg(target_arch = "x86_64")]
    v.extend([
        ("iopl", libc::SYS_iopl),
        ("ioperm", libc::SYS_ioperm),
        ("uselib", libc::SYS_uselib),
        ("lookup_dcookie", libc::SYS_lookup_dcookie),
    ]);
    v
}

/// `clone` flags that create namespaces: such a `clone` fails with `EPERM`.
pub const NAMESPACE_FLAGS: [u64; 8] = [
    libc::CLONE_NEWUSER as u64,
    libc::CLONE_NEWNS as u64,
    libc::CLONE_NEWPID as u64,
    libc::CLONE_NEWNET as u64,
    libc::CLONE_NEWIPC as u64,
    libc::CLONE_NEWUTS as u64,
    libc::CLONE_NEWCGROUP as u64,
    0x80, // CLONE_NEWTIME
];

/// `personality` values allowed (as Docker allows them): Linux, 32-bit Linux, `UNAME26`, and the
/// query `0xffffffff`. Anything else (`READ_IMPLIES_EXEC`, `ADDR_NO_RANDOMIZE`, …) fails with
/// `EPERM`.
pub const ALLOWED_PERSONALITIES: [u64; 5] = [0, 0x8, 0x20000, 0x20008, 0xffff_ffff];

#[derive(Debug, thiserror::Error)]
#[error("building the seccomp filter: {0}")]
pub struct SeccompError(String);

/// The sandbox program (see the module's documentation).
pub fn sandbox_filter() -> Result<Program, SeccompError> {
    let mut rules: Vec<(u32, program::Rule)> = denied_syscalls()
        .into_iter()
        .map(|(_, nr)| (nr as u32, program::Rule::Errno(libc::EPERM as u32)))
        .collect();
    rules.push((
        libc::SYS_clone3 as u32,
        program::Rule::Errno(libc::ENOSYS as u32),
    ));
    let any_namespace = NAMESPACE_FLAGS.iter().fold(0u64, |all, f| all | f);
    rules.push((
        libc::SYS_clone as u32,
        program::Rule::DenyFlags(
            u32::try_from(any_namespace).map_err(|e| SeccompError(e.to_string()))?,
        ),
    ));
    rules.push((
        libc::SYS_personality as u32,
        program::Rule::AllowOnly(ALLOWED_PERSONALITIES.iter().map(|p| *p as u32).collect()),
    ));
    program::compile(rules).map_err(SeccompError)
}

/// A program as the bytes bubblewrap reads from `--add-seccomp-fd` (an array of `struct sock_filter`).
pub fn to_bytes(prog: &Program) -> Vec<u8> {
    let mut out = Vec::with_capacity(prog.len() * 8);
    for ins in prog {
        out.extend_from_slice(&ins.code.to_ne_bytes());
        out.push(ins.jt);
        out.push(ins.jf);
        out.extend_from_slice(&ins.k.to_ne_bytes());
    }
    out
}

/// Installs a program on the calling thread (needs `PR_SET_NO_NEW_PRIVS` or `CAP_SYS_ADMIN`).
/// Only system calls: safe between fork and exec.
pub fn install(prog: &Program) -> std::io::Result<()> {
    let fprog = libc::sock_fprog {
        len: prog.len() as libc::c_ushort,
        filter: prog.as_ptr() as *mut libc::sock_filter,
    };
    // SAFETY: `fprog` points at `prog`, which outlives the call.
    let rc = unsafe {
        libc::prctl(
            libc::PR_SET_SECCOMP,
            libc::SECCOMP_MODE_FILTER as libc::c_ulong,
            &fprog as *const libc::sock_fprog as libc::c_ulong,
        )
    };
    if rc == -1 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
