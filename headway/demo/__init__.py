"""The demo practice that `headway demo` loads: practice.py builds the practice and calls one
module per part of the product it fills (board, booking, check-ins and so on); people.py and
common.py hold what they share, and import no other demo module."""
