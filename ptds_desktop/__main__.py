from ptds_desktop.cli import main

raise SystemExit(main())
