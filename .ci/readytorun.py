#!/usr/bin/env python3
"""Says whether .NET assemblies carry ReadyToRun code (issue 10: the published host and its plugins are precompiled).

usage: readytorun.py <assembly.dll>...      exit 0 when every one is ReadyToRun, 1 otherwise (each is named)
       readytorun.py --self-test <il-only.dll>   checks that an IL-only assembly is told apart (the check can fail)

A ReadyToRun image is a PE file whose CLI header points at a "managed native header" beginning with the signature
"RTR" (the format crossgen2 writes); an IL-only assembly has none. Reading the header is enough: the runtime uses the
same pointer to find the precompiled code, and only falls back to the JIT for methods the image lacks.
"""
import struct
import sys
from pathlib import Path

READYTORUN_SIGNATURE = 0x00525452  # "RTR\0", little-endian


def _sections(pe: bytes, pe_offset: int):
    section_count = struct.unpack_from("<H", pe, pe_offset + 6)[0]
    optional_size = struct.unpack_from("<H", pe, pe_offset + 20)[0]
    first = pe_offset + 24 + optional_size
    for i in range(section_count):
        virtual_size, virtual_address, raw_size, raw_pointer = struct.unpack_from("<IIII", pe, first + i * 40 + 8)
        yield virtual_address, max(virtual_size, raw_size), raw_pointer


def _file_offset(pe: bytes, pe_offset: int, rva: int):
    for virtual_address, size, raw_pointer in _sections(pe, pe_offset):
        if virtual_address <= rva < virtual_address + size:
            return rva - virtual_address + raw_pointer
    return None


def is_readytorun(path: Path) -> bool:
    pe = path.read_bytes()
    if pe[:2] != b"MZ":
        return False
    pe_offset = struct.unpack_from("<I", pe, 0x3C)[0]
    if pe[pe_offset:pe_offset + 4] != b"PE\0\0":
        return False
    optional = pe_offset + 24
    magic = struct.unpack_from("<H", pe, optional)[0]
    directories = optional + (96 if magic == 0x10B else 112)  # PE32 or PE32+
    cli_rva, cli_size = struct.unpack_from("<II", pe, directories + 14 * 8)  # the CLI (COR20) header
    if cli_rva == 0 or cli_size == 0:
        return False
    cli = _file_offset(pe, pe_offset, cli_rva)
    if cli is None:
        return False
    native_rva, native_size = struct.unpack_from("<II", pe, cli + 64)  # ManagedNativeHeader
    if native_rva == 0 or native_size == 0:
        return False
    native = _file_offset(pe, pe_offset, native_rva)
    return native is not None and struct.unpack_from("<I", pe, native)[0] == READYTORUN_SIGNATURE


def main(args: list) -> int:
    if args[:1] == ["--self-test"]:
        if len(args) != 2:
            print("usage: readytorun.py --self-test <il-only.dll>", file=sys.stderr)
            return 2
        if is_readytorun(Path(args[1])):
            print(f"readytorun self-test: {args[1]} was taken for ReadyToRun; is it IL-only?", file=sys.stderr)
            return 1
        return 0
    if not args:
        print("usage: readytorun.py <assembly.dll>...", file=sys.stderr)
        return 2
    missing = [a for a in args if not Path(a).is_file() or not is_readytorun(Path(a))]
    for path in missing:
        print(f"not ReadyToRun: {path}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
