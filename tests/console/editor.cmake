# Tests of the console's editor part.
