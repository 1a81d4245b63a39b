"""Attribution: quotations, reporting verbs, speakers and voice balance."""
