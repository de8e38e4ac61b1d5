import sys

from ptds_desktop.cli import main

sys.exit(main(sys.argv[1:] or ["gui"]))
