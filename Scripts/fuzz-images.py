#!/usr/bin/env python3
"""Writes the image-metadata fuzz target's seeds (Docs/fuzzing.md): small JPEG and PNG files carrying the
metadata the stripper must drop (Exif with a GPS position, a comment, text chunks), made with Pillow.
Each seed starts with one byte that tells the target where to cut the file into pieces."""
import io
import pathlib
import sys

from PIL import Image, PngImagePlugin

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fuzz/image-metadata/seeds")
out.mkdir(parents=True, exist_ok=True)
picture = Image.new("RGB", (16, 16), (200, 40, 40))
exif = Image.Exif()
exif[0x010F] = "Fuzz Camera Maker"  # Make
exif[0x8825] = {1: "N", 2: (43.0, 10.0, 5.0), 3: "E", 4: (44.0, 50.0, 1.0)}  # GPS position
seeds = {}

jpeg = io.BytesIO()
picture.save(jpeg, "JPEG", quality=80, exif=exif.tobytes(), comment=b"taken near the fuzzed village", dpi=(300, 300))
seeds["photo.jpg"] = bytes([5]) + jpeg.getvalue()
progressive = io.BytesIO()
picture.save(progressive, "JPEG", quality=60, progressive=True, exif=exif.tobytes())
seeds["progressive.jpg"] = bytes([33]) + progressive.getvalue()

info = PngImagePlugin.PngInfo()
info.add_text("Author", "the fuzzed photographer")
info.add_itxt("Description", "снято у села", lang="ru")
png = io.BytesIO()
picture.save(png, "PNG", pnginfo=info, exif=exif.tobytes(), dpi=(300, 300))
seeds["photo.png"] = bytes([9]) + png.getvalue()

for name, data in seeds.items():
    (out / name).write_bytes(data)
    print(f"{out / name}: {len(data)} bytes")
