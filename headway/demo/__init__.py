"""The demo practice that `headway demo` loads: headway.demo.practice builds the practice and
calls one module per part of the product it fills (board, booking, check-ins and so on)."""
