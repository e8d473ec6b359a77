/* Page tools on every page. One section per tool, each headed by a comment.
   Everything here is an extra: each page reads fully without it. */
