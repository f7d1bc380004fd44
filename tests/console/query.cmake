# Tests of the console's query part.
