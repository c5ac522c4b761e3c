package ingest

import (
	"context"
	"strings"
	"sync"

	"manset/internal/ingest/classify"
	"manset/internal/news"
)

// Classifier training limits: the newest categorised articles teach the
// model, and it is rebuilt once the site has a fifth more of them.
const (
	trainLimit      = 3000
	minTrainingDocs = 10
	retrainGrowth   = 1.2
)

// classifierState is the naive Bayes model trained on the site's own
// categorised articles, and how many there were when it was trained.
type classifierState struct {
	mu      sync.Mutex
	model   *classify.Model
	trained int // categorised articles at training time; 0 = never trained
}

// categoriseLate gives an article still without a category one from the
// section in its URL or, failing that, from the classifier; below the
// classifier's confidence it stays uncategorised.
func (im *Importer) categoriseLate(ctx context.Context, a *news.Article) error {
	if a.CategoryID != 0 {
		return nil
	}
	cats, err := im.store.ListCategories(ctx)
	if err != nil {
		return err
	}
	bySlug := map[string]int64{}
	known := map[string]string{}
	for _, c := range cats {
		bySlug[c.Slug] = c.ID
		// "/haberler/ekonomi/..." names the section after the root.
		if c.ParentID != 0 || c.Name != news.RootCategoryName {
			known[c.Slug], known[c.Name] = c.Slug, c.Slug
		}
	}
	if slug, ok := classify.FromURL(a.SourceURL, known); ok {
		a.CategoryID, a.CategoryMethod = bySlug[slug], "url"
		return nil
	}
	m, err := im.classifier(ctx, cats)
	if err != nil || m == nil {
		return err
	}
	if slug, ok := m.Classify(classifierText(a)); ok && bySlug[slug] != 0 {
		a.CategoryID, a.CategoryMethod = bySlug[slug], "classifier"
	}
	return nil
}

func classifierText(a *news.Article) string {
	return a.Title + "\n" + a.Summary + "\n" + a.BodyText
}

// classifier returns the model, training it on first use and again when
// the number of categorised articles grew by more than a fifth. It is nil
// while the site has too few categorised articles to learn from.
func (im *Importer) classifier(ctx context.Context, cats []news.Category) (*classify.Model, error) {
	st := &im.model
	st.mu.Lock()
	defer st.mu.Unlock()
	n, err := im.categorisedCount(ctx)
	if err != nil {
		return nil, err
	}
	if st.trained > 0 && float64(n) <= float64(st.trained)*retrainGrowth {
		return st.model, nil
	}
	if n < minTrainingDocs {
		return nil, nil
	}
	docs, err := im.trainingDocs(ctx, cats)
	if err != nil {
		return nil, err
	}
	st.model, st.trained = classify.Train(docs), n
	if len(st.model.Categories()) < 2 {
		st.model = nil // one class teaches nothing
	}
	im.logger.Debug("category classifier trained", "articles", len(docs))
	return st.model, nil
}

// categorisedCount is how many articles have a category.
func (im *Importer) categorisedCount(ctx context.Context) (int, error) {
	none := int64(0)
	_, all, err := im.store.ListArticles(ctx, news.ArticleFilter{Limit: 1})
	if err != nil {
		return 0, err
	}
	_, without, err := im.store.ListArticles(ctx, news.ArticleFilter{CategoryID: &none, Limit: 1})
	return all - without, err
}

// trainingDocs are the newest categorised articles labelled with their
// category's slug. Articles the classifier itself labelled are left out,
// so that its mistakes do not teach it.
func (im *Importer) trainingDocs(ctx context.Context, cats []news.Category) ([]classify.Labeled, error) {
	slugs := map[int64]string{}
	for _, c := range cats {
		slugs[c.ID] = c.Slug
	}
	list, _, err := im.store.ListArticles(ctx, news.ArticleFilter{Limit: trainLimit})
	if err != nil {
		return nil, err
	}
	var docs []classify.Labeled
	for i := range list {
		a := &list[i]
		if a.CategoryID == 0 || a.CategoryMethod == "classifier" || strings.TrimSpace(slugs[a.CategoryID]) == "" {
			continue
		}
		docs = append(docs, classify.Labeled{Text: classifierText(a), Category: slugs[a.CategoryID]})
	}
	return docs, nil
}
