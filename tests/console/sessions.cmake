# Tests of the console's sessions part.
