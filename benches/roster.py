#!/usr/bin/env python3
"""Writes a roster CSV of N trainees (default 10,000) as Excel's "CSV UTF-8" with the
Indonesian locale writes it: a BOM, semicolons, CRLF. Every NIK is valid and unique, and
agrees with the birth date and sex; regencies are Banten's. Deterministic (seeded)."""
import random
import sys

REGENCIES = [("3601", "Kab. Pandeglang"), ("3602", "Kab. Lebak"), ("3603", "Kab. Tangerang"),
             ("3604", "Kab. Serang"), ("3671", "Kota Tangerang"), ("3672", "Kota Cilegon"),
             ("3673", "Kota Serang"), ("3674", "Kota Tangerang Selatan")]
FIRST_M = ["Budi", "Agus", "Rudi", "Eko", "Fajar", "Hendra", "Joko", "Rizki", "Yusuf", "Dedi"]
FIRST_F = ["Dewi", "Siti", "Sri", "Rina", "Eka", "Fitri", "Indah", "Nur", "Ayu", "Wulan"]
LAST = ["Santoso", "Lestari", "Hartono", "Wibowo", "Saputra", "Rahmawati", "Hidayat", "Pratama",
        "Kurniawan", "Setiawan", "Nugroho", "Susanti"]
EDUCATION = ["SMA", "SMK", "D3", "S1", "SMP"]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(2026)
    out = sys.stdout
    out.write("\ufeffNo;NIK;Nama Lengkap;Tempat Lahir;Tgl Lahir;L/P;Alamat;Kab/Kota;No HP;Pendidikan\r\n")
    seen = set()
    n = 0
    while n < rows:
        code, name = rng.choice(REGENCIES)
        woman = rng.random() < 0.5
        year = rng.randint(1980, 2005)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        district = rng.randint(1, 20)
        serial = rng.randint(1, 8999)
        nik = f"{code}{district:02d}{day + (40 if woman else 0):02d}{month:02d}{year % 100:02d}{serial:04d}"
        if nik in seen:
            continue
        seen.add(nik)
        n += 1
        first = rng.choice(FIRST_F if woman else FIRST_M)
        full = f"{first} {rng.choice(LAST)}".upper()
        phone = f"0812{n:08d}"
        out.write(f"{n};{nik};{full};Serang;{day:02d}/{month:02d}/{year};{'P' if woman else 'L'};"
                  f"\"Kp. Baru No. {n}; RT 0{n % 9 + 1}\";{name};{phone};{rng.choice(EDUCATION)}\r\n")


if __name__ == "__main__":
    main()
