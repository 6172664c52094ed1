//! Compiles the sandbox's seccomp rules into one classic BPF program that finds a call number by binary search.
//!
//! A list of one comparison per call number (what `seccompiler` emits) costs a sandbox start more
//! than it looks: when a program is installed, the kernel runs it for every call number of the
//! architecture to cache the ones it always allows, so a list of n rules costs about n × 450
//! steps per start. A search tree costs about log2(n) per call number. It also makes one program
//! of what were three (one install instead of three).
//!
//! Layout: the architecture check (another architecture's call kills the process), on x86-64 the
//! x32 check (any number with bit 30 set fails with `ENOSYS`), then the tree over the rules'
//! numbers, sorted. An inner node is one `jge` whose true branch jumps over its left half; a
//! leaf range (at most [`LEAF`] rules) is a chain of `jeq`, each followed by its rule's code,
//! and ends in `allow`. Every rule's code ends in a return, so nothing falls through into the
//! next rule. Jumps are forward only, at most 255 instructions: [`compile`] refuses a tree that
//! would need a longer one rather than emit a wrong program.

/// The program: classic BPF instructions as the kernel takes them.
pub type Program = Vec<libc::sock_filter>;

/// What happens to one call number.
#[derive(Clone, Debug)]
pub enum Rule {
    /// The call fails with this errno.
    Errno(u32),
    /// The call fails with `EPERM` when its first argument has any of these bits set (in its
    /// low 32 bits); otherwise it is allowed.
    DenyFlags(u32),
    /// The call is allowed when the low 32 bits of its first argument are one of these;
    /// otherwise it fails with `EPERM`.
    AllowOnly(Vec<u32>),
}

/// The most rules compared one after the other at the bottom of the tree.
const LEAF: usize = 3;

const LD_W_ABS: u16 = (libc::BPF_LD | libc::BPF_W | libc::BPF_ABS) as u16;
const JEQ_K: u16 = (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16;
const JGE_K: u16 = (libc::BPF_JMP | libc::BPF_JGE | libc::BPF_K) as u16;
const JSET_K: u16 = (libc::BPF_JMP | libc::BPF_JSET | libc::BPF_K) as u16;
const RET_K: u16 = (libc::BPF_RET | libc::BPF_K) as u16;

/// Offsets in `struct seccomp_data`: the call number, the architecture, and the low 32 bits of
/// the first argument (which half comes first depends on the byte order).
const NR: u32 = 0;
const ARCH: u32 = 4;
#[cfg(target_endian = "little")]
const ARG0_LOW: u32 = 16;
#[cfg(target_endian = "big")]
const ARG0_LOW: u32 = 20;

const ALLOW: u32 = libc::SECCOMP_RET_ALLOW;
const KILL_PROCESS: u32 = libc::SECCOMP_RET_KILL_PROCESS;

#[cfg(target_arch = "x86_64")]
const AUDIT_ARCH: Option<u32> = Some(62 | 0x8000_0000 | 0x4000_0000); // EM_X86_64, 64-bit, LE
#[cfg(target_arch = "aarch64")]
const AUDIT_ARCH: Option<u32> = Some(183 | 0x8000_0000 | 0x4000_0000); // EM_AARCH64, 64-bit, LE
#[cfg(target_arch = "riscv64")]
const AUDIT_ARCH: Option<u32> = Some(243 | 0x8000_0000 | 0x4000_0000); // EM_RISCV, 64-bit, LE
#[cfg(not(any(
    target_arch = "x86_64",
    target_arch = "aarch64",
    target_arch = "riscv64"
)))]
const AUDIT_ARCH: Option<u32> = None;

fn ins(code: u16, jt: u8, jf: u8, k: u32) -> libc::sock_filter {
    libc::sock_filter { code, jt, jf, k }
}

fn errno(e: u32) -> u32 {
    libc::SECCOMP_RET_ERRNO | (e & libc::SECCOMP_RET_DATA)
}

/// A forward jump over `n` instructions, or why it cannot be one.
fn jump(n: usize) -> Result<u8, String> {
    u8::try_from(n).map_err(|_| format!("a jump over {n} instructions is too long"))
}

/// Compiles `rules` (one per call number) into the sandbox program for this architecture.
pub fn compile(mut rules: Vec<(u32, Rule)>) -> Result<Program, String> {
    let arch = AUDIT_ARCH.ok_or_else(|| {
        format!(
            "no seccomp filter for the {} architecture",
            std::env::consts::ARCH
        )
    })?;
    rules.sort_by_key(|(nr, _)| *nr);
    if rules.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err("two rules for one call number".into());
    }
    let mut p = vec![
        ins(LD_W_ABS, 0, 0, ARCH),
        ins(JEQ_K, 1, 0, arch),
        ins(RET_K, 0, 0, KILL_PROCESS),
        ins(LD_W_ABS, 0, 0, NR),
    ];
    if cfg!(target_arch = "x86_64") {
        const X32_SYSCALL_BIT: u32 = 0x4000_0000;
        p.push(ins(JGE_K, 0, 1, X32_SYSCALL_BIT));
        p.push(ins(RET_K, 0, 0, errno(libc::ENOSYS as u32)));
    }
    p.extend(tree(&rules)?);
    Ok(p)
}

/// The search over `rules` (sorted, distinct numbers), entered with the call number loaded.
fn tree(rules: &[(u32, Rule)]) -> Result<Program, String> {
    if rules.len() <= LEAF {
        let mut p = Program::new();
        for (nr, rule) in rules {
            let code = rule_code(rule)?;
            p.push(ins(JEQ_K, 0, jump(code.len())?, *nr));
            p.extend(code);
        }
        p.push(ins(RET_K, 0, 0, ALLOW));
        return Ok(p);
    }
    let mid = rules.len() / 2;
    let left = tree(&rules[..mid])?;
    let right = tree(&rules[mid..])?;
    let mut p = vec![ins(JGE_K, jump(left.len())?, 0, rules[mid].0)];
    p.extend(left);
    p.extend(right);
    Ok(p)
}

/// The code of one rule, run when the call number matched; it always ends in a return.
fn rule_code(rule: &Rule) -> Result<Program, String> {
    let eperm = errno(libc::EPERM as u32);
    Ok(match rule {
        Rule::Errno(e) => vec![ins(RET_K, 0, 0, errno(*e))],
        Rule::DenyFlags(mask) => vec![
            ins(LD_W_ABS, 0, 0, ARG0_LOW),
            ins(JSET_K, 0, 1, *mask),
            ins(RET_K, 0, 0, eperm),
            ins(RET_K, 0, 0, ALLOW),
        ],
        Rule::AllowOnly(values) => {
            let mut p = vec![ins(LD_W_ABS, 0, 0, ARG0_LOW)];
            let n = values.len();
            for (i, v) in values.iter().enumerate() {
                // Over the remaining comparisons and the `EPERM` return, to the `allow`.
                p.push(ins(JEQ_K, jump(n - i)?, 0, *v));
            }
            p.push(ins(RET_K, 0, 0, eperm));
            p.push(ins(RET_K, 0, 0, ALLOW));
            p
        }
    })
}
