"""Looking at results: `zhfin view` (one HTML page of documents, their marked text and
event cards) and `zhfin report` (corpus statistics with charts), both self-contained
HTML, plus the reader of a batch output folder that they and the exporters share.

    from zhfin.review import view, report
    view.write_page(view.from_folder("out/"), "page.html")
    report.write_report("out/", "report.html")
"""
