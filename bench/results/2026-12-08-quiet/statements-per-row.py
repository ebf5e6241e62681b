import sys,re,collections
rows=int(sys.argv[2]); c=collections.Counter(); t=collections.Counter()
for line in open(sys.argv[1],errors='replace'):
    m=re.search(r'duration: ([\d.]+) ms\s+(?:statement|execute [^:]*|parse [^:]*|bind [^:]*): (.*)',line)
    if not m: continue
    if ' bind ' in line or ' parse ' in line: continue
    sql=m.group(2)
    sql=re.sub(r'\$\d+','?',sql); sql=re.sub(r"'[^']*'","'?'",sql); sql=re.sub(r'\b\d+\b','N',sql)
    sql=re.sub(r'(\?, )+\?','?..',sql); sql=re.sub(r'(\(\?..\), )+','(..), ',sql)
    c[sql[:230]]+=1; t[sql[:230]]+=float(m.group(1))
tot=sum(c.values())
print(f"statements {tot} = {tot/rows:.2f} per row; db time {sum(t.values()):.0f} ms = {sum(t.values())/rows:.3f} ms per row")
for k,v in c.most_common(45): print(f"{v/rows:7.3f}/row {t[k]/rows:6.3f}ms  {k}")
