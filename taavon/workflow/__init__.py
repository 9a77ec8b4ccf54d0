"""The workflow engine every context uses: workflows as data (stages with target days,
transitions with the roles that may take them and how high an officer must sit), defined in
code or published by an office as versioned rows; one service applies every transition."""
