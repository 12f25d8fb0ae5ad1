"""A team review over any folder sync: each device writes its own files, and joins everyone's."""
