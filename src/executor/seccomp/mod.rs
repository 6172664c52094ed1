//! The sandbox seccomp filters, in the spirit of Docker's default profile: system calls that
//! reach into the kernel's administration or out of the sandbox fail with `EPERM`.
//!
//! Three programs, because they answer differently: [`deny_filter`] fails the listed calls (and
//! `clone` asking for new namespaces, `personality` asking for anything but the harmless
//! personas) with `EPERM`; [`clone3_filter`] makes `clone3` fail with `ENOSYS`, as Docker does, so
//! C libraries fall back to `clone`, whose flags a filter can inspect (`clone3` passes them in
//! memory, out of a filter's reach); on x86-64, [`x32_filter`] makes every x32-ABI system call
//! number (bit 30 set, same architecture tag, so the other programs would not recognise `mount`
//! or `unshare` under their x32 numbers) fail with `ENOSYS`. They are compiled with `seccompiler`
//! (the last one written by hand: `seccompiler` cannot test a range of numbers) and installed
//! before exec (process runtime) or handed to bubblewrap (`--add-seccomp-fd`).

use std::collections::BTreeMap;

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};

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

fn arch() -> Result<TargetArch, SeccompError> {
    std::env::consts::ARCH
        .try_into()
        .map_err(|e: seccompiler::BackendError| SeccompError(e.to_string()))
}

fn err(e: impl std::fmt::Display) -> SeccompError {
    SeccompError(e.to_string())
}

/// The `EPERM` program: [`denied_syscalls`] and namespace-creating `clone`s.
pub fn deny_filter() -> Result<BpfProgram, SeccompError> {
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> = denied_syscalls()
        .into_iter()
        .map(|(_, nr)| (nr, Vec::new()))
        .collect();
    let clone_rules = NAMESPACE_FLAGS
        .iter()
        .map(|flag| {
            let cond = SeccompCondition::new(
                0,
                SeccompCmpArgLen::Qword,
                SeccompCmpOp::MaskedEq(*flag),
                *flag,
            )
            .map_err(err)?;
            SeccompRule::new(vec![cond]).map_err(err)
        })
        .collect::<Result<Vec<_>, _>>()?;
    rules.insert(libc::SYS_clone, clone_rules);
    // One rule whose conditions all hold (ANDed) when the persona is none of the allowed ones.
    let persona_other = ALLOWED_PERSONALITIES
        .iter()
        .map(|p| {
            SeccompCondition::new(0, SeccompCmpArgLen::Dword, SeccompCmpOp::Ne, *p).map_err(err)
        })
        .collect::<Result<Vec<_>, _>>()?;
    rules.insert(
        libc::SYS_personality,
        vec![SeccompRule::new(persona_other).map_err(err)?],
    );
    let filter = SeccompFilter::new(
        rules,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::EPERM as u32),
        arch()?,
    )
    .map_err(err)?;
    filter.try_into().map_err(err)
}

/// The `ENOSYS` program for `clone3`.
pub fn clone3_filter() -> Result<BpfProgram, SeccompError> {
    let rules = [(libc::SYS_clone3, Vec::new())].into_iter().collect();
    let filter = SeccompFilter::new(
        rules,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch()?,
    )
    .map_err(err)?;
    filter.try_into().map_err(err)
}

/// The x86-64 program refusing x32-ABI system call numbers (`nr >= 0x40000000`) with `ENOSYS`.
/// Other architectures pass through (the other programs kill them).
#[cfg(target_arch = "x86_64")]
pub fn x32_filter() -> BpfProgram {
    use seccompiler::sock_filter;
    const AUDIT_ARCH_X86_64: u32 = 62 | 0x8000_0000 | 0x4000_0000;
    const X32_SYSCALL_BIT: u32 = 0x4000_0000;
    let ins = |code: u32, jt: u8, jf: u8, k: u32| sock_filter {
        code: code as u16,
        jt,
        jf,
        k,
    };
    let (ld_abs_w, jeq_k, jge_k, ret_k) = (
        libc::BPF_LD | libc::BPF_W | libc::BPF_ABS,
        libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K,
        libc::BPF_JMP | libc::BPF_JGE | libc::BPF_K,
        libc::BPF_RET | libc::BPF_K,
    );
    vec![
        // seccomp_data: nr at offset 0, arch at offset 4.
        ins(ld_abs_w, 0, 0, 4),
        ins(jeq_k, 0, 2, AUDIT_ARCH_X86_64),
        ins(ld_abs_w, 0, 0, 0),
        ins(jge_k, 1, 0, X32_SYSCALL_BIT),
        ins(ret_k, 0, 0, libc::SECCOMP_RET_ALLOW),
        ins(ret_k, 0, 0, libc::SECCOMP_RET_ERRNO | libc::ENOSYS as u32),
    ]
}

/// Every program, in the order they are installed.
pub fn sandbox_filters() -> Result<Vec<BpfProgram>, SeccompError> {
    #[allow(unused_mut)]
    let mut v = vec![deny_filter()?, clone3_filter()?];
    #[cfg(target_arch = "x86_64")]
    v.push(x32_filter());
    Ok(v)
}

/// A program as the bytes bubblewrap reads from `--add-seccomp-fd` (an array of `struct sock_filter`).
pub fn to_bytes(prog: &BpfProgram) -> Vec<u8> {
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
pub fn install(prog: &BpfProgram) -> std::io::Result<()> {
    let fprog = libc::sock_fprog {
        len: prog.len() as libc::c_ushort,
        filter: prog.as_ptr() as *mut libc::sock_filter,
    };
    // SAFETY: `fprog` points at `prog`, which outlives the call; seccompiler's sock_filter has
    // the kernel's layout (u16, u8, u8, u32).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_compile() {
        let f = sandbox_filters().unwrap();
        assert_eq!(f.len(), if cfg!(target_arch = "x86_64") { 3 } else { 2 });
        assert!(f[0].len() > denied_syscalls().len());
        assert_eq!(to_bytes(&f[1]).len(), f[1].len() * 8);
    }
}
