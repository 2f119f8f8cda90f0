"use strict";
// Progressive enhancement only: the page is complete without this script.
