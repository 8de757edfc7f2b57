"""How each row of the permission matrix (tests/community/test_permission_matrix.py) is tried,
one module per subject. Each module's ACTIONS maps an action's name to a function that tries it
as whoever the client is signed in as and returns (response, whether it took effect).

The module names do not start with `test_`, so pytest does not collect them.
"""
