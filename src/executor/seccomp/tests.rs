//! Checks the sandbox program call number by call number against the same rules compiled with `seccompiler` (three programs, as installed before), both run by a small classic-BPF interpreter.

use std::collections::BTreeMap;

use seccompiler::{
    SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter, SeccompRule,
    TargetArch,
};

use super::*;

/// `struct seccomp_data` with this call number, architecture and first argument.
fn data(nr: u32, arch: u32, arg0: u64) -> [u8; 64] {
    let mut d = [0u8; 64];
    d[0..4].copy_from_slice(&nr.to_ne_bytes());
    d[4..8].copy_from_slice(&arch.to_ne_bytes());
    d[16..24].copy_from_slice(&arg0.to_ne_bytes());
    d
}

/// Runs a program as the kernel does (the subset of classic BPF that seccomp programs use here),
/// returning its action and how many instructions it ran.
fn run(prog: &[libc::sock_filter], d: &[u8; 64]) -> (u32, usize) {
    let (mut a, mut pc, mut steps) = (0u32, 0usize, 0usize);
    loop {
        let i = prog[pc];
        steps += 1;
        pc += 1;
        let class = u32::from(i.code) & 0x07;
        let op = u32::from(i.code) & 0xf0;
        match class {
            c if c == libc::BPF_LD => {
                assert_eq!(
                    u32::from(i.code),
                    libc::BPF_LD | libc::BPF_W | libc::BPF_ABS
                );
                // The kernel's check: aligned word loads inside `struct seccomp_data`.
                assert!(i.k.is_multiple_of(4) && i.k + 4 <= 64, "load at {}", i.k);
                let k = i.k as usize;
                a = u32::from_ne_bytes([d[k], d[k + 1], d[k + 2], d[k + 3]]);
            }
            c if c == libc::BPF_ALU => {
                let and_k = libc::BPF_ALU | libc::BPF_AND | libc::BPF_K;
                assert_eq!(u32::from(i.code), and_k, "ALU {:#x}", i.code);
                a &= i.k;
            }
            c if c == libc::BPF_JMP => {
                let source = u32::from(i.code) & 0x08;
                assert_eq!(source, libc::BPF_K, "jump on X {:#x}", i.code);
                if op == libc::BPF_JA {
                    pc += i.k as usize;
                    continue;
                }
                let taken = match op {
                    o if o == libc::BPF_JEQ => a == i.k,
                    o if o == libc::BPF_JGT => a > i.k,
                    o if o == libc::BPF_JGE => a >= i.k,
                    o if o == libc::BPF_JSET => a & i.k != 0,
                    _ => panic!("jump {:#x}", i.code),
                };
                pc += usize::from(if taken { i.jt } else { i.jf });
            }
            c if c == libc::BPF_RET => {
                let ret_k = libc::BPF_RET | libc::BPF_K;
                assert_eq!(u32::from(i.code), ret_k, "return {:#x}", i.code);
                return (i.k, steps);
            }
            _ => panic!("instruction {:#x}", i.code),
        }
    }
}

/// The kernel's verdict over several programs: the most severe action wins (the lowest as a
/// signed number; among equal ones the most recently installed, which runs first).
fn verdict(programs: &[Program], d: &[u8; 64]) -> u32 {
    let mut ret = libc::SECCOMP_RET_ALLOW;
    for p in programs.iter().rev() {
        let (r, _) = run(p, d);
        let action = |v: u32| (v & libc::SECCOMP_RET_ACTION_FULL) as i32;
        if action(r) < action(ret) {
            ret = r;
        }
    }
    ret
}

fn convert(p: seccompiler::BpfProgram) -> Program {
    p.into_iter()
        .map(|i| libc::sock_filter {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        })
        .collect()
}

/// The rules as `seccompiler` compiles them, with the x32 program written out: the three
/// programs this build installed before the one-program search tree.
fn reference() -> Vec<Program> {
    let arch: TargetArch = std::env::consts::ARCH.try_into().unwrap();
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> = denied_syscalls()
        .into_iter()
        .map(|(_, nr)| (nr, Vec::new()))
        .collect();
    let clone_rules = NAMESPACE_FLAGS
        .iter()
        .map(|flag| {
            let c = SeccompCondition::new(
                0,
                SeccompCmpArgLen::Qword,
                SeccompCmpOp::MaskedEq(*flag),
                *flag,
            )
            .unwrap();
            SeccompRule::new(vec![c]).unwrap()
        })
        .collect();
    rules.insert(libc::SYS_clone, clone_rules);
    let persona_other = ALLOWED_PERSONALITIES
        .iter()
        .map(|p| SeccompCondition::new(0, SeccompCmpArgLen::Dword, SeccompCmpOp::Ne, *p).unwrap())
        .collect();
    rules.insert(
        libc::SYS_personality,
        vec![SeccompRule::new(persona_other).unwrap()],
    );
    let deny = SeccompFilter::new(
        rules,
        SeccompAction::Allow,
        SeccompAction::Errno(libc::EPERM as u32),
        arch,
    )
    .unwrap();
    let clone3 = SeccompFilter::new(
        [(libc::SYS_clone3, Vec::new())].into_iter().collect(),
        SeccompAction::Allow,
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch,
    )
    .unwrap();
    let mut v = vec![
        convert(deny.try_into().unwrap()),
        convert(clone3.try_into().unwrap()),
    ];
    #[cfg(target_arch = "x86_64")]
    {
        let ins = |code: u32, jt: u8, jf: u8, k: u32| libc::sock_filter {
            code: code as u16,
            jt,
            jf,
            k,
        };
        v.push(vec![
            ins(libc::BPF_LD | libc::BPF_W | libc::BPF_ABS, 0, 0, 4),
            ins(
                libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K,
                0,
                2,
                0xc000_003e,
            ),
            ins(libc::BPF_LD | libc::BPF_W | libc::BPF_ABS, 0, 0, 0),
            ins(
                libc::BPF_JMP | libc::BPF_JGE | libc::BPF_K,
                1,
                0,
                0x4000_0000,
            ),
            ins(libc::BPF_RET | libc::BPF_K, 0, 0, libc::SECCOMP_RET_ALLOW),
            ins(
                libc::BPF_RET | libc::BPF_K,
                0,
                0,
                libc::SECCOMP_RET_ERRNO | libc::ENOSYS as u32,
            ),
        ]);
    }
    v
}

fn native_arch() -> u32 {
    let p = sandbox_filter().unwrap();
    // The program's second instruction compares the architecture.
    p[1].k
}

/// First arguments that matter to `clone` and `personality`, and some that do not.
fn first_args() -> Vec<u64> {
    let mut v = vec![
        0,
        1,
        0x11,                      // SIGCHLD
        0x0001_0f00,               // CLONE_VM|FS|FILES|SIGHAND|THREAD…
        0x0040_0000,               // READ_IMPLIES_EXEC (personality)
        0x0000_0008 | 0x0040_0000, // PER_LINUX32 | READ_IMPLIES_EXEC
        0x1_0000_0000,             // only the high word set
        0x1_0000_0008,             // high word and an allowed persona
        0xffff_ffff,               // the persona query
        0xffff_ffff_ffff_ffff,
        0x7000_0000_0000_0000 | 0x11,
    ];
    v.extend(NAMESPACE_FLAGS);
    v.extend(NAMESPACE_FLAGS.iter().map(|f| f | 0x11));
    v.extend(ALLOWED_PERSONALITIES);
    v
}

#[test]
fn the_program_answers_every_call_as_the_reference_does() {
    let ours = vec![sandbox_filter().unwrap()];
    let reference = reference();
    let arch = native_arch();
    let mut numbers: Vec<u32> = (0..1024).collect();
    numbers.extend([
        0x4000_0000,
        0x4000_0000 + 39,
        0x4000_0000 + 165,
        0x4000_0000 + 272,
        0x4000_0000 + 435,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
    ]);
    let mut denied = 0;
    for nr in numbers {
        for arg0 in first_args() {
            for a in [arch, 0x4000_0003 /* i386 */, 0] {
                let d = data(nr, a, arg0);
                let (want, got) = (verdict(&reference, &d), verdict(&ours, &d));
                assert_eq!(
                    got, want,
                    "call {nr:#x}, arch {a:#x}, first argument {arg0:#x}: {got:#x}, not {want:#x}"
                );
                if a == arch && got != libc::SECCOMP_RET_ALLOW {
                    denied += 1;
                }
            }
        }
    }
    // The comparison is not vacuous: many calls were refused, and common ones allowed.
    assert!(denied > 1000, "{denied}");
    for nr in [libc::SYS_read, libc::SYS_execve, libc::SYS_exit_group] {
        let d = data(nr as u32, arch, 0);
        assert_eq!(verdict(&ours, &d), libc::SECCOMP_RET_ALLOW);
    }
}

#[test]
fn the_program_is_a_search_not_a_list() {
    let p = sandbox_filter().unwrap();
    assert!(p.len() < 512, "{} instructions", p.len());
    let arch = native_arch();
    let rules = denied_syscalls().len() + 3;
    let longest = (0..1024u32)
        .map(|nr| run(&p, &data(nr, arch, 0)).1)
        .max()
        .unwrap();
    // The architecture and x32 checks, about log2(rules) inner nodes and a short leaf chain; a
    // list would run two instructions per rule before it.
    assert!(longest <= 25, "{longest} instructions for {rules} rules");
    assert!(
        longest * 3 < rules * 2,
        "{longest} instructions for {rules} rules"
    );
}

#[test]
fn the_program_is_as_bubblewrap_reads_it() {
    let p = sandbox_filter().unwrap();
    let bytes = to_bytes(&p);
    assert_eq!(bytes.len(), p.len() * 8);
    assert_eq!(u16::from_ne_bytes([bytes[0], bytes[1]]), p[0].code);
    assert_eq!(&bytes[12..16], &p[1].k.to_ne_bytes());
}

#[test]
fn a_rule_list_that_needs_a_long_jump_is_refused() {
    let long = program::Rule::AllowOnly((0..300).collect());
    assert!(program::compile(vec![(1, long)]).is_err());
    let twice = vec![(1, program::Rule::Errno(1)), (1, program::Rule::Errno(2))];
    assert!(program::compile(twice).is_err());
}
