"""A small coaching session as WebVTT, with the coach named as the world's owner."""

from __future__ import annotations

VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Olivia Owner>Thanks for coming in. What would you like to focus on today?</v>

00:00:04.500 --> 00:00:12.000
<v Clara Client>I want to figure out whether to leave accounting. I feel stuck and I'm tired.</v>

00:00:12.500 --> 00:00:15.000
<v Olivia Owner>You're feeling stuck and worn out.</v>

00:00:15.500 --> 00:00:21.000
<v Clara Client>Yes. I love working with people, and I miss that in my job.</v>

00:00:21.500 --> 00:00:23.000
<v Olivia Owner>Have you talked to anyone in HR?</v>

00:00:23.500 --> 00:00:24.000
<v Clara Client>No.</v>

00:00:24.500 --> 00:00:28.000
<v Olivia Owner>You should update your CV and apply for HR roles.</v>

00:00:28.500 --> 00:00:30.000
<v Clara Client>Maybe.</v>
"""
