#!/usr/bin/env python3
"""Which vector width did C2 give the kernels' loops? Counts the floating-point multiply, add and
fused multiply-add instructions of each C2-compiled method in a -XX:+PrintAssembly log, by kind
(scalar 'ss'/'sd' or packed 'ps'/'pd') and register width (xmm = 128 bits, ymm = 256, zmm = 512).

Without an hsdis plugin the JVM prints machine code as hex words; this script then disassembles each
C2 method with objdump (binutils, x86-64 only). With a working hsdis the log already holds the
mnemonics, which are counted as they are. Typical use (docs/performance.md, "Kernel shape at 64 x 64"):

  java -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet \
       '-XX:CompileCommand=print,dev.ablate4j.nn.FloatKernels::multiply*' \
       -jar target/ablate4j.jar bench --steps 20480 --precision float32 > asm.txt
  python3 src/jmh/scripts/c2_vector_widths.py asm.txt

A line such as  multiplyAccumulate ... vfmadd231ps/xmm: 14  means packed float FMAs on 128-bit
registers: up to four floats per instruction (C2 can also pack two floats into an xmm register;
the loads of the loop tell, vmovdqu = 16 bytes, vmovq = 8).
"""
import re
import subprocess
import sys
import tempfile
from collections import Counter

HEX_LINE = re.compile(r'^\s+(0x[0-9a-f]+): ((?:[0-9a-f]{2,4}\s?(?:\|\s)?)+)$')
OP = re.compile(r'\b(v(?:fmadd(?:132|213|231)|mul|add)[ps][sd])\s+([xyz]mm)')


def methods(lines):
    """Yields (header, body lines) for each C2-compiled method; C1 methods are skipped."""
    header, body = None, None
    for line in lines:
        if line.startswith('Compiled method ('):
            if header is not None:
                yield header, body
            header, body = (line, []) if line.startswith('Compiled method (c2)') else (None, None)
        elif body is not None:
            body.append(line)
    if header is not None:
        yield header, body


def disassemble(body):
    """objdump of the hex words of one method (addresses rebuilt, gaps padded with nops)."""
    start, code = None, bytearray()
    for line in body:
        m = HEX_LINE.match(line)
        if not m:
            continue
        address = int(m.group(1), 16)
        data = bytes.fromhex(m.group(2).replace('|', '').replace(' ', ''))
        if start is None:
            start = address
        offset = address - start
        if offset > len(code):
            code += b'\x90' * (offset - len(code))
        code[offset:offset + len(data)] = data
    if not code:
        return ''
    with tempfile.NamedTemporaryFile(suffix='.bin') as f:
        f.write(code)
        f.flush()
        return subprocess.run(['objdump', '-D', '-b', 'binary', '-mi386:x86-64', '-Mintel', f.name],
                              capture_output=True, text=True, check=True).stdout


def main(path):
    with open(path, errors='replace') as f:
        lines = f.read().split('\n')
    for header, body in methods(lines):
        text = '\n'.join(body)
        if not OP.search(text):
            text = disassemble(body)
        counts = Counter(f'{op}/{reg}' for op, reg in OP.findall(text))
        name = re.sub(r'\s+', ' ', header.split(')', 1)[1]).strip()
        print(name, ' '.join(f'{k}: {v}' for k, v in sorted(counts.items())) or '(no floating-point arithmetic)')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: c2_vector_widths.py PRINT_ASSEMBLY_LOG')
    main(sys.argv[1])
