from ptds_desktop.launcher import main

raise SystemExit(main())
