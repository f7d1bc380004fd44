# Tests of the console's explain part.
